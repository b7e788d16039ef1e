/*-
 * #%L
 * The microscopy vision-language benchmark Micro-Bench (uBench) as a Fiji plugin suite and command line.
 * %%
 * Copyright (C) 2026 Micro-Bench for Fiji developers
 * %%
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 * 
 *      http://www.apache.org/licenses/LICENSE-2.0
 * 
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 * #L%
 */
package org.mubench.base;

import java.util.ArrayList;
import java.util.List;

import org.scijava.plugin.DefaultPluginFinder;
import org.scijava.plugin.PluginIndex;
import org.scijava.plugin.PluginInfo;
import org.scijava.plugin.SciJavaPlugin;

/**
 * New instances of every SciJava plugin of a type, highest priority first, without a SciJava context (the command
 * line, ImageJ 1 macros). The index is read through this jar's own class loader: in plain ImageJ 1 our jar lives in
 * the plugins class loader, which the thread's context class loader does not see.
 */
public final class PluginInstances {
	private PluginInstances() {}

	public static <T extends SciJavaPlugin> List<T> of(Class<T> type) {
		PluginIndex index = new PluginIndex(new DefaultPluginFinder(PluginInstances.class.getClassLoader()));
		index.discover();
		List<PluginInfo<?>> infos = new ArrayList<>(index.getPlugins(type));
		infos.sort((a, b) -> Double.compare(b.getPriority(), a.getPriority()));
		List<T> instances = new ArrayList<>();
		for (PluginInfo<?> info : infos) {
			try {
				instances.add(type.cast(info.createInstance()));
			}
			catch (Exception e) {
				throw new IllegalStateException("Cannot create " + type.getSimpleName() + " plugin " + info.getClassName() + ": "
					+ e.getMessage(), e);
			}
		}
		return instances;
	}
}

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

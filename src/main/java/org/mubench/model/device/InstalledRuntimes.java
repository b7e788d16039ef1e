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
package org.mubench.model.device;

import java.util.LinkedHashSet;
import java.util.Set;

import ai.djl.engine.Engine;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;

/** The real {@link DeviceSelector.Probe}: asks the ONNX Runtime and PyTorch on the class path. */
final class InstalledRuntimes implements DeviceSelector.Probe {

	@Override
	public Set<String> onnxRuntimeProviders() {
		Set<String> names = new LinkedHashSet<>();
		try {
			for (OrtProvider p : OrtEnvironment.getAvailableProviders())
				names.add(p.name());
		}
		catch (Throwable e) {
			// Native library missing or broken: report no providers; loading the model then says what failed.
		}
		return names;
	}

	@Override
	public int torchCudaDevices() {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(InstalledRuntimes.class.getClassLoader());
		try {
			Class.forName("ai.djl.pytorch.engine.PtEngineProvider");
			if (!Engine.hasEngine("PyTorch")) return -1;
			return Engine.getEngine("PyTorch").getGpuCount();
		}
		catch (Throwable e) {
			// The engine jar without its native library (offline, no -Ptorchscript) lands here.
			return -1;
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}
}

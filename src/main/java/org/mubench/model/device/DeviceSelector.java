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

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.mubench.base.ProgressListener;
import org.mubench.model.ModelException;

/**
 * Turns the user's {@code --device} ({@code auto | cpu | gpu[:N]}) into a device for one inference runtime, from what
 * that runtime offers. The offer comes from a {@link Probe}, so every case can be tested on a machine without a GPU.
 */
public final class DeviceSelector {
	/** The inference runtime a model runs in; each has its own CUDA build. */
	public enum Runtime {
		ONNX_RUNTIME, PYTORCH
	}

	/** What the installed runtimes can do. */
	public interface Probe {
		/**
		 * Execution providers compiled into the ONNX Runtime on the class path, by {@code OrtProvider} name
		 * ({@code CPU}, {@code CUDA}, {@code TENSOR_RT}, …); empty when ONNX Runtime cannot load.
		 */
		Set<String> onnxRuntimeProviders();

		/** CUDA devices PyTorch sees: -1 when PyTorch's native library is absent, 0 for a CPU-only PyTorch. */
		int torchCudaDevices();
	}

	/** The jar that brings ONNX Runtime's CUDA provider, for messages. */
	public static final String GPU_JAR = "com.microsoft.onnxruntime:onnxruntime_gpu 1.22.x (CUDA 12 + cuDNN 9)";

	private final Probe probe;
	private final ProgressListener listener;

	public DeviceSelector(Probe probe, ProgressListener listener) {
		this.probe = probe;
		this.listener = listener == null ? ProgressListener.SILENT : listener;
	}

	/** Selects with the runtimes actually installed. */
	public static DeviceSelector installed(ProgressListener listener) {
		return new DeviceSelector(new InstalledRuntimes(), listener);
	}

	/**
	 * @param request {@code auto}, {@code cpu}, {@code gpu}, {@code gpu:N} (also {@code cuda}, {@code cuda:N}); null
	 *          means {@code auto}
	 * @throws ModelException for an unknown request, or a GPU request the runtime cannot serve
	 */
	public DeviceChoice select(String request, Runtime runtime) {
		String r = request == null ? "auto" : request.trim().toLowerCase(Locale.ROOT);
		if (r.isEmpty()) r = "auto";
		if (r.equals("cpu")) {
			DeviceChoice choice = DeviceChoice.cpu(true, "device cpu requested");
			listener.log("Device: cpu (requested)");
			return choice;
		}
		int gpuIndex = -1;
		if (!r.equals("auto")) gpuIndex = parseGpu(request, r);

		if (runtime == Runtime.ONNX_RUNTIME) return selectOnnx(r, gpuIndex);
		return selectTorch(r, gpuIndex);
	}

	private DeviceChoice selectOnnx(String r, int gpuIndex) {
		Set<String> providers = new TreeSet<>(probe.onnxRuntimeProviders());
		boolean cuda = providers.contains("CUDA");
		String found = "ONNX Runtime execution providers found: "
			+ (providers.isEmpty() ? "none (ONNX Runtime did not load)" : String.join(", ", providers));
		listener.log(found);
		if (gpuIndex >= 0) {
			if (!cuda) throw new ModelException("Device gpu:" + gpuIndex
				+ " needs ONNX Runtime's CUDA provider, which this installation lacks (" + found
				+ "): replace the onnxruntime jar by " + GPU_JAR + " as described in docs/gpu.md, or use --device cpu.");
			DeviceChoice choice = new DeviceChoice(true, gpuIndex, true, "device gpu:" + gpuIndex + " requested");
			listener.log("Device: gpu:" + gpuIndex + " (requested; ONNX Runtime CUDA provider present)");
			return choice;
		}
		if (cuda) {
			DeviceChoice choice = new DeviceChoice(true, 0, false,
				"auto: ONNX Runtime's CUDA provider is present, so gpu:0 is used");
			listener.log("Device: gpu:0 (auto: the ONNX Runtime CUDA provider is present)");
			return choice;
		}
		String why = "auto: ONNX Runtime has no CUDA provider (the CPU build of onnxruntime is installed; "
			+ GPU_JAR + " adds it)";
		listener.log("Device: cpu (" + why + ")");
		return DeviceChoice.cpu(false, why);
	}

	private DeviceChoice selectTorch(String r, int gpuIndex) {
		int devices = probe.torchCudaDevices();
		String found = devices < 0 ? "PyTorch native library not found"
			: devices == 0 ? "PyTorch found, without CUDA devices" : "PyTorch found with " + devices + " CUDA device(s)";
		listener.log(found);
		if (gpuIndex >= 0) {
			if (devices <= gpuIndex) throw new ModelException("Device gpu:" + gpuIndex + " is not available to PyTorch ("
				+ found + "): add a CUDA build of the PyTorch native library as described in docs/gpu.md, or use --device cpu.");
			listener.log("Device: gpu:" + gpuIndex + " (requested)");
			return new DeviceChoice(true, gpuIndex, true, "device gpu:" + gpuIndex + " requested");
		}
		if (devices > 0) {
			listener.log("Device: gpu:0 (auto: PyTorch sees a CUDA device)");
			return new DeviceChoice(true, 0, false, "auto: PyTorch sees " + devices + " CUDA device(s), so gpu:0 is used");
		}
		String why = "auto: " + found;
		listener.log("Device: cpu (" + why + ")");
		return DeviceChoice.cpu(false, why);
	}

	private static int parseGpu(String original, String r) {
		String rest;
		if (r.startsWith("gpu")) rest = r.substring(3);
		else if (r.startsWith("cuda")) rest = r.substring(4);
		else throw badDevice(original);
		if (rest.isEmpty()) return 0;
		if (!rest.startsWith(":")) throw badDevice(original);
		try {
			int index = Integer.parseInt(rest.substring(1));
			if (index < 0) throw badDevice(original);
			return index;
		}
		catch (NumberFormatException e) {
			throw badDevice(original);
		}
	}

	private static ModelException badDevice(String request) {
		return new ModelException("Unknown device '" + request + "': use auto, cpu, gpu or gpu:N (N = CUDA device index).");
	}
}

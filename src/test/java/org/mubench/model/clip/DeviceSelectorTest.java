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
package org.mubench.model.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mubench.base.ProgressListener;
import org.mubench.model.ModelException;
import org.mubench.model.device.DeviceChoice;
import org.mubench.model.device.DeviceSelector;
import org.mubench.model.device.DeviceSelector.Runtime;

/** Every device decision, on a CPU-only machine, through injected runtime offers. */
class DeviceSelectorTest {
	private final List<String> log = new ArrayList<>();
	private final ProgressListener listener = new ProgressListener() {
		@Override
		public void progress(long done, long total, String message) {}

		@Override
		public void log(String message) {
			log.add(message);
		}
	};

	static DeviceSelector.Probe probe(int torchDevices, String... providers) {
		Set<String> set = new LinkedHashSet<>(Arrays.asList(providers));
		return new DeviceSelector.Probe() {
			@Override
			public Set<String> onnxRuntimeProviders() {
				return set;
			}

			@Override
			public int torchCudaDevices() {
				return torchDevices;
			}
		};
	}

	private DeviceChoice select(String request, Runtime runtime, int torch, String... providers) {
		return new DeviceSelector(probe(torch, providers), listener).select(request, runtime);
	}

	@Test
	void autoUsesTheCpuWithoutCudaProviderAndSaysWhy() {
		DeviceChoice c = select("auto", Runtime.ONNX_RUNTIME, -1, "CPU");
		assertFalse(c.gpu);
		assertFalse(c.explicit);
		assertTrue(c.reason.contains("no CUDA provider"), c.reason);
		assertEquals("ONNX Runtime execution providers found: CPU", log.get(0));
		assertTrue(log.get(1).startsWith("Device: cpu (auto: ONNX Runtime has no CUDA provider"), log.get(1));
		assertTrue(log.get(1).contains("onnxruntime_gpu"), log.get(1));
	}

	@Test
	void autoUsesCudaWhenTheProviderIsPresent() {
		DeviceChoice c = select(null, Runtime.ONNX_RUNTIME, -1, "CPU", "CUDA", "TENSOR_RT");
		assertTrue(c.gpu);
		assertEquals(0, c.index);
		assertFalse(c.explicit);
		assertEquals("gpu:0", c.toString());
		assertEquals("ONNX Runtime execution providers found: CPU, CUDA, TENSOR_RT", log.get(0));
		assertEquals("Device: gpu:0 (auto: the ONNX Runtime CUDA provider is present)", log.get(1));
	}

	@Test
	void autoWhenOnnxRuntimeDidNotLoad() {
		DeviceChoice c = select("AUTO", Runtime.ONNX_RUNTIME, -1);
		assertFalse(c.gpu);
		assertTrue(log.get(0).contains("none (ONNX Runtime did not load)"), log.get(0));
	}

	@Test
	void cpuIsAlwaysGranted() {
		DeviceChoice c = select("cpu", Runtime.ONNX_RUNTIME, 4, "CPU", "CUDA");
		assertFalse(c.gpu);
		assertTrue(c.explicit);
		assertEquals("Device: cpu (requested)", log.get(0));
		assertFalse(select(" CPU ", Runtime.PYTORCH, 4).gpu);
	}

	@Test
	void gpuWithCudaProviderTakesTheIndex() {
		DeviceChoice c = select("gpu:1", Runtime.ONNX_RUNTIME, -1, "CPU", "CUDA");
		assertTrue(c.gpu);
		assertEquals(1, c.index);
		assertTrue(c.explicit);
		DeviceChoice alias = select("cuda:2", Runtime.ONNX_RUNTIME, -1, "CPU", "CUDA");
		assertEquals(2, alias.index);
		assertEquals(0, select("gpu", Runtime.ONNX_RUNTIME, -1, "CUDA").index);
	}

	@Test
	void gpuWithoutCudaProviderNamesTheJar() {
		ModelException e = assertThrows(ModelException.class, () -> select("gpu", Runtime.ONNX_RUNTIME, 2, "CPU"));
		OnnxClipModelTest.assertOneSentence(e, "Device gpu:0 needs ONNX Runtime's CUDA provider");
		assertTrue(e.getMessage().contains("com.microsoft.onnxruntime:onnxruntime_gpu"), e.getMessage());
		assertTrue(e.getMessage().contains("CUDA 12 + cuDNN 9"), e.getMessage());
		assertTrue(e.getMessage().contains("docs/gpu.md"), e.getMessage());
	}

	@Test
	void unknownDevicesAreRefused() {
		for (String bad : new String[] { "tpu", "gpu:x", "gpu:-1", "gpu1", "cuda:", "metal" }) {
			ModelException e = assertThrows(ModelException.class, () -> select(bad, Runtime.ONNX_RUNTIME, -1, "CPU", "CUDA"), bad);
			OnnxClipModelTest.assertOneSentence(e, "Unknown device '" + bad + "'");
		}
	}

	@Test
	void pytorchAutoUsesCudaOnlyWhenItSeesDevices() {
		assertFalse(select("auto", Runtime.PYTORCH, -1, "CUDA").gpu);
		assertTrue(log.get(0).contains("PyTorch native library not found"), log.toString());
		log.clear();
		assertFalse(select("auto", Runtime.PYTORCH, 0).gpu);
		assertTrue(log.get(0).contains("without CUDA devices"), log.toString());
		log.clear();
		DeviceChoice c = select("auto", Runtime.PYTORCH, 2);
		assertTrue(c.gpu);
		assertEquals(0, c.index);
		assertTrue(log.get(0).contains("2 CUDA device(s)"), log.toString());
	}

	@Test
	void pytorchGpuIndexMustExist() {
		assertEquals(1, select("gpu:1", Runtime.PYTORCH, 2).index);
		ModelException e = assertThrows(ModelException.class, () -> select("gpu:2", Runtime.PYTORCH, 2));
		OnnxClipModelTest.assertOneSentence(e, "Device gpu:2 is not available to PyTorch");
		assertThrows(ModelException.class, () -> select("gpu", Runtime.PYTORCH, -1));
	}

	/** The real probe on this machine: the CPU build of ONNX Runtime is on the test class path. */
	@Test
	void installedRuntimesOfferTheCpu() {
		DeviceChoice c = DeviceSelector.installed(listener).select("auto", Runtime.ONNX_RUNTIME);
		assertTrue(log.get(0).contains("CPU"), log.toString());
		assertEquals(c.gpu, log.get(0).contains("CUDA"));
	}
}

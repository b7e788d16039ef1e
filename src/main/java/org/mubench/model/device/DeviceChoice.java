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

/** Where a model runs, and why it runs there (for the log). */
public final class DeviceChoice {
	/** True for a CUDA device, false for the CPU. */
	public final boolean gpu;
	/** CUDA device index (0 for the CPU). */
	public final int index;
	/** True when the user asked for this device rather than {@code auto}: a failure then must not fall back. */
	public final boolean explicit;
	/** One line saying why this device was chosen. */
	public final String reason;

	public DeviceChoice(boolean gpu, int index, boolean explicit, String reason) {
		this.gpu = gpu;
		this.index = index;
		this.explicit = explicit;
		this.reason = reason;
	}

	public static DeviceChoice cpu(boolean explicit, String reason) {
		return new DeviceChoice(false, 0, explicit, reason);
	}

	/** {@code cpu} or {@code gpu:N}. */
	@Override
	public String toString() {
		return gpu ? "gpu:" + index : "cpu";
	}
}

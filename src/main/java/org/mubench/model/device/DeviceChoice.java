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

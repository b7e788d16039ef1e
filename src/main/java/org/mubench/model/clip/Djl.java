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

import java.util.concurrent.Callable;

import ai.djl.engine.Engine;
import ai.djl.onnxruntime.engine.OrtEngineProvider;

import org.mubench.base.Messages;

/**
 * The process-wide DJL set-up every local model needs, and the class-loader switch around DJL calls.
 * <p>
 * DJL finds engines and native libraries through the thread's context class loader. Inside Fiji that loader is not
 * the one that loaded this plugin's jars, so every DJL call runs with the context class loader set to ours.
 */
public final class Djl {
	public static final String ONNX_RUNTIME = "OnnxRuntime";
	public static final String PYTORCH = "PyTorch";

	private static boolean initialised;
	/** Why DJL's ONNX Runtime engine could not start, or null. */
	private static String ortFailure;

	private Djl() {}

	/** Offline mode, ONNX Runtime as default engine and registered explicitly (Fiji may hide DJL's service files). */
	public static synchronized void init() {
		if (initialised) return;
		setIfAbsent("ai.djl.offline", "true");
		setIfAbsent("OPT_OUT_TRACKING", "true");
		// Without this, DJL's default engine could be PyTorch (when its jar is present), whose natives may be absent.
		setIfAbsent("ai.djl.default_engine", ONNX_RUNTIME);
		// ONNX Runtime would otherwise load PyTorch for NDArray operations it lacks; we use none of them.
		setIfAbsent("ai.djl.onnx.disable_alternative", "true");
		call(() -> {
			if (!Engine.hasEngine(ONNX_RUNTIME)) Engine.registerEngine(new OrtEngineProvider());
			return null;
		});
		// Start the engine now: it must create ONNX Runtime's process-wide environment itself (with its thread
		// options), which fails once anything else in this JVM has created a plain one.
		try {
			call(() -> Engine.getEngine(ONNX_RUNTIME));
		}
		catch (Throwable e) {
			Throwable t = e;
			while (t.getCause() != null && t.getCause() != t)
				t = t.getCause();
			ortFailure = Messages.firstLine(t);
		}
		initialised = true;
	}

	/** Throws the one-line explanation when DJL's ONNX Runtime engine could not start in this JVM. */
	static void requireOnnxRuntime(String file) {
		init();
		if (ortFailure != null) throw new org.mubench.model.ModelException(file + " cannot be run: ONNX Runtime could not start ("
			+ ortFailure + "); if another plugin or tool in this JVM started ONNX Runtime first, restart and open this model before it.");
	}

	/** Runs {@code body} with this plugin's class loader as the thread's context class loader. */
	public static <T> T call(Callable<T> body) {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(Djl.class.getClassLoader());
		try {
			return body.call();
		}
		catch (RuntimeException e) {
			throw e;
		}
		catch (Exception e) {
			throw new WrappedException(e);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private static void setIfAbsent(String key, String value) {
		if (System.getProperty(key) == null) System.setProperty(key, value);
	}

	/** A checked exception thrown inside {@link #call}; callers unwrap it to write their one-line message. */
	public static final class WrappedException extends RuntimeException {
		WrappedException(Exception cause) {
			super(cause.getMessage(), cause);
		}
	}
}

package org.mubench.eval.run;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.mubench.data.DatasetException;
import org.mubench.image.PreprocessConfig;

/** The image layer's decoder and preprocessor as a {@link ContrastiveAnswerer.ImagePreparer}. */
final class ImagePreparers {
	private ImagePreparers() {}

	// TEMPORARY until the image layer (org.mubench.image.ImageTensors) is merged: bound by reflection so this
	// branch compiles on its own. Replaced by a direct method reference after the merge.
	static ContrastiveAnswerer.ImagePreparer standard() {
		return (bytes, name, cfg) -> {
			final Method m;
			try {
				m = Class.forName("org.mubench.image.ImageTensors").getMethod("fromEncoded", byte[].class, String.class,
					PreprocessConfig.class);
			}
			catch (ReflectiveOperationException e) {
				throw new IllegalStateException("The image layer (org.mubench.image.ImageTensors) is missing from this build");
			}
			try {
				return (float[]) m.invoke(null, bytes, name, cfg);
			}
			catch (InvocationTargetException e) {
				if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
				throw new DatasetException(name + ": " + e.getCause(), e.getCause());
			}
			catch (IllegalAccessException e) {
				throw new IllegalStateException(e);
			}
		};
	}
}

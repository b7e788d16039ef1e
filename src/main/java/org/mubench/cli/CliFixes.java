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
package org.mubench.cli;

import org.mubench.base.Fix;
import org.mubench.base.FixableException;
import org.mubench.base.Messages;

/** The command line's words for each {@link Fix}: its flags. */
final class CliFixes {
	private CliFixes() {}

	static String phrase(Fix fix) {
		switch (fix) {
			case RESUME_OR_OTHER_OUTPUT: return "add --resume to continue that run, or give another --out";
			case RESUME_TO_CONTINUE: return "add --resume to continue";
			case OPEN_JAVA_NIO: return "start Java with the option --add-opens=java.base/java.nio=ALL-UNNAMED "
				+ "(java -jar mubench.jar adds it by itself)";
			case UPDATE_INSTALLATION: return "use the mubench.jar of this release (java -jar mubench.jar)";
			default: return fix.neutral;
		}
	}

	/** The error line: a fixable problem's reason with the fix in flags, else the message. */
	static String line(Throwable e) {
		FixableException f = FixableException.find(e);
		if (f != null) return Messages.oneLine(new RuntimeException(f.reason())) + ": " + phrase(f.fix());
		return null;
	}
}

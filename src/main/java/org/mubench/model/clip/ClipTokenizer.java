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

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import org.mubench.base.Messages;
import org.mubench.model.ModelException;

/**
 * A model's tokenizer ({@code tokenizer.json}, through DJL's Hugging Face binding) with the model's context length
 * and pad token applied here: DJL's binding ignores {@code model_max_length}, so truncation and padding are ours.
 */
public final class ClipTokenizer implements AutoCloseable {
	private final HuggingFaceTokenizer tokenizer;
	private final int contextLength;
	private final long padId;
	private final TextCleaning cleaning;

	/** Token ids of a batch, padded to one length, with the attention mask (1 = token, 0 = padding). */
	public static final class Batch {
		public final long[][] ids;
		public final long[][] mask;
		public final int length;

		Batch(long[][] ids, long[][] mask, int length) {
			this.ids = ids;
			this.mask = mask;
			this.length = length;
		}
	}

	/**
	 * @param contextLength maximum tokens per text, special tokens included
	 * @param padId id written after a text's last token
	 */
	public ClipTokenizer(Path tokenizerJson, int contextLength, long padId) {
		this(tokenizerJson, contextLength, padId, TextCleaning.NONE);
	}

	/** @param cleaning what the model family does to a caption before tokenizing it */
	public ClipTokenizer(Path tokenizerJson, int contextLength, long padId, TextCleaning cleaning) {
		this.cleaning = cleaning;
		if (contextLength < 2) throw new IllegalArgumentException("context length " + contextLength);
		this.contextLength = contextLength;
		this.padId = padId;
		Djl.init();
		try {
			this.tokenizer = Djl.call(() -> HuggingFaceTokenizer.builder()
				.optTokenizerPath(tokenizerJson)
				.optAddSpecialTokens(true)
				.optTruncation(false)
				.optPadding(false)
				.optMaxLength(contextLength)
				.build());
		}
		catch (RuntimeException e) {
			Throwable cause = e instanceof Djl.WrappedException ? e.getCause() : e;
			throw new ModelException(tokenizerJson + " cannot be loaded as a Hugging Face tokenizer (" + Messages.firstLine(cause)
				+ "): copy tokenizer.json again from the model's repository.", cause);
		}
	}

	public int contextLength() {
		return contextLength;
	}

	public long padId() {
		return padId;
	}

	/**
	 * The ids of one text, cut to the context length. A cut keeps the closing special token (CLIP's end-of-text, which
	 * the text tower pools at) as the last token, as the reference tokenizers do.
	 */
	public long[] encode(String text) {
		final String cleaned = cleaning.clean(text);
		Encoding e = Djl.call(() -> tokenizer.encode(cleaned, true, false));
		long[] ids = e.getIds();
		if (ids.length <= contextLength) return ids;
		long[] special = e.getSpecialTokenMask();
		long[] cut = Arrays.copyOf(ids, contextLength);
		if (special != null && special.length == ids.length && special[ids.length - 1] == 1)
			cut[contextLength - 1] = ids[ids.length - 1];
		return cut;
	}

	/**
	 * Encodes texts and pads them with the pad token to the longest among them, or to {@code fixedLength} when the
	 * graph wants a fixed length (> 0).
	 */
	public Batch encode(List<String> texts, int fixedLength) {
		long[][] raw = new long[texts.size()][];
		int longest = 1;
		for (int i = 0; i < raw.length; i++) {
			raw[i] = encode(texts.get(i));
			longest = Math.max(longest, raw[i].length);
		}
		int length = fixedLength > 0 ? fixedLength : longest;
		if (length < longest) {
			// A graph with a fixed sequence shorter than our context: cut again, keeping the closing token.
			for (int i = 0; i < raw.length; i++) {
				if (raw[i].length > length) {
					long last = raw[i][raw[i].length - 1];
					raw[i] = Arrays.copyOf(raw[i], length);
					raw[i][length - 1] = last;
				}
			}
		}
		long[][] ids = new long[raw.length][length];
		long[][] mask = new long[raw.length][length];
		for (int i = 0; i < raw.length; i++) {
			Arrays.fill(ids[i], padId);
			System.arraycopy(raw[i], 0, ids[i], 0, raw[i].length);
			Arrays.fill(mask[i], 0, raw[i].length, 1L);
		}
		return new Batch(ids, mask, length);
	}

	private boolean closed;

	/** Frees the native tokenizer; safe to call twice. */
	@Override
	public synchronized void close() {
		if (closed) return;
		closed = true;
		tokenizer.close();
	}

	/**
	 * Opens the tokenizer of a model folder: context length from its configs, pad token from tokenizer_config.json
	 * (looked up in tokenizer.json), else tokenizer.json's own padding id, else 0.
	 */
	static ClipTokenizer forFolder(ModelFolder folder, int graphLength) {
		Path file = folder.tokenizerFile();
		int context = folder.contextLength();
		if (graphLength > 0) context = Math.min(context, graphLength);
		long pad = -1;
		String padToken = folder.padToken();
		if (padToken != null) {
			pad = ModelFolder.tokenId(file, padToken);
			if (pad < 0) throw new ModelException(ModelFolder.TOKENIZER_CONFIG + " in " + folder.dir + " names pad_token '" + padToken
				+ "', which tokenizer.json does not contain: copy both files again from the same model repository.");
		}
		if (pad < 0) pad = ModelFolder.declaredPadId(file);
		if (pad < 0) pad = 0;
		return new ClipTokenizer(file, context, pad, folder.profile().textCleaning);
	}
}

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
package org.mubench.eval.generative;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.mubench.data.DatasetException;
import org.mubench.data.Question;
import org.mubench.data.Sample;
import org.mubench.eval.Prediction;
import org.mubench.eval.prompt.PaperPrompt;
import org.mubench.eval.run.AnswerContext;
import org.mubench.eval.run.QuestionAnswerer;
import org.mubench.eval.run.QuestionSet;
import org.mubench.eval.run.WorkItem;
import org.mubench.image.PngDecoder;
import org.mubench.model.GenerativeModel;
import org.mubench.model.GenerativeReply;
import org.mubench.model.GenerativeRequest;
import org.mubench.model.ModelException;

/**
 * Answers μ-Bench questions with a {@link GenerativeModel} the way the paper did: one request per question with
 * {@link PaperPrompt#prompt} and the sample's PNG; {@code correct} is the paper's rule ({@link PaperPrompt#isCorrect}),
 * the official score; {@code pred_idx} comes from the stricter {@link PaperPrompt#parseChoice} (−1 = unparseable);
 * {@code response} is the raw reply and {@code scores} stays null. A request that failed after its last retry is
 * recorded as skipped with reason {@code request_failed}, each distinct cause logged once. If every request of a batch
 * fails before any request of the run has succeeded, {@link #answer} throws a {@link ModelException} with the first
 * cause instead: the runner then stops with that one line (bad key, wrong URL or model, server down).
 * <p>
 * All questions of a batch go to {@link GenerativeModel#askAll} together, so an HTTP backend keeps its configured
 * number of requests in flight.
 */
public final class GenerativeAnswerer implements QuestionAnswerer {
	public static final String REQUEST_FAILED = "request_failed";
	/** Distinct failure causes logged in full; later ones are only counted. */
	private static final int MAX_LOGGED_CAUSES = 20;

	private final GenerativeModel model;
	private final Set<String> loggedCauses = Collections.synchronizedSet(new HashSet<>());
	private final AtomicLong replies = new AtomicLong();
	private final AtomicLong unparseable = new AtomicLong();
	private final AtomicLong emptyReplies = new AtomicLong();
	private final AtomicLong failedRequests = new AtomicLong();
	private final AtomicLong cachedReplies = new AtomicLong();

	public GenerativeAnswerer(GenerativeModel model) {
		this.model = model;
	}

	@Override
	public QuestionSet defaultQuestionSet() {
		return QuestionSet.QUESTIONS;
	}

	/** Checks the image is a readable PNG (what the request carries) and returns its bytes unchanged. */
	@Override
	public Object prepare(Sample sample) {
		byte[] bytes = sample.requireImage();
		String name = sample.describe();
		if (!PngDecoder.isPng(bytes))
			throw new DatasetException(name + ": the image is not a PNG; generative models are sent the PNG as stored, "
				+ "so convert the image to PNG");
		// Decoding up front marks a corrupt image unreadable_image, as in contrastive runs, instead of paying for a request.
		PngDecoder.decode(bytes, name);
		return bytes;
	}

	@Override
	public List<Prediction> answer(List<WorkItem> batch, AnswerContext context) {
		List<GenerativeRequest> requests = new ArrayList<>();
		for (WorkItem item : batch) {
			byte[] png = (byte[]) item.prepared();
			for (Question q : item.questions)
				requests.add(new GenerativeRequest(PaperPrompt.prompt(q), png));
		}
		List<GenerativeReply> answers = requests.isEmpty() ? Collections.<GenerativeReply>emptyList() : model.askAll(requests);
		if (answers.size() != requests.size())
			throw new IllegalStateException(model.name() + " returned " + answers.size() + " replies for " + requests.size()
				+ " requests");
		// A model that has not answered a single request yet and fails all of a batch is misconfigured (wrong key, URL,
		// model name, server down): stop the run with the cause rather than record every question as failed.
		if (replies.get() == 0 && !answers.isEmpty()) {
			GenerativeReply firstFailure = null;
			boolean anyOk = false;
			for (GenerativeReply r : answers) {
				if (r != null && r.ok()) anyOk = true;
				else if (firstFailure == null) firstFailure = r;
			}
			if (!anyOk) throw new ModelException(model.name() + " answered none of its first " + answers.size()
				+ (answers.size() == 1 ? " request: " : " requests: ") + (firstFailure == null ? "no reply" : firstFailure.error));
		}
		List<Prediction> out = new ArrayList<>(requests.size());
		int i = 0;
		for (WorkItem item : batch) {
			for (Question q : item.questions) {
				out.add(predict(item, q, answers.get(i++), context));
			}
		}
		return out;
	}

	private Prediction predict(WorkItem item, Question q, GenerativeReply reply, AnswerContext context) {
		if (reply == null || !reply.ok()) {
			failedRequests.incrementAndGet();
			String cause = reply == null ? "no reply" : reply.error;
			if (loggedCauses.size() < MAX_LOGGED_CAUSES && loggedCauses.add(cause))
				context.log("Request failed for " + item.sample.describe() + ", " + q.key + " (" + REQUEST_FAILED + "): "
					+ cause + (loggedCauses.size() == 1 ? " — further questions failing the same way are only counted" : ""));
			return item.skipped(q, REQUEST_FAILED);
		}
		Prediction p = item.newPrediction(q);
		String text = reply.text == null ? "" : reply.text;
		p.response = text;
		p.scores = null;
		p.correct = PaperPrompt.isCorrect(text, q);
		p.predIdx = PaperPrompt.parseChoice(text, q.options);
		replies.incrementAndGet();
		if (reply.cached) cachedReplies.incrementAndGet();
		if (text.isEmpty()) emptyReplies.incrementAndGet();
		if (p.predIdx < 0) unparseable.incrementAndGet();
		return p;
	}

	@Override
	public String describe() {
		Map<String, Object> info = model.runInfo();
		StringBuilder sb = new StringBuilder("generative ").append(model.name());
		if (info.get("base_url") != null) sb.append(" @ ").append(info.get("base_url"));
		sb.append(" (paper prompt");
		for (String k : new String[] { "temperature", "max_tokens", "seed", "detail" }) {
			if (info.containsKey(k) && info.get(k) != null) sb.append(", ").append(k).append(' ').append(info.get(k));
		}
		return sb.append(')').toString();
	}

	/**
	 * For the run summary: the model's request parameters and usage ({@link org.mubench.model.VisionLanguageModel#runInfo}) plus the
	 * reply counts of this session: {@code replies}, {@code unparseable_replies} (no option read by the strict
	 * parser, empty replies included), {@code empty_replies}, {@code cached_replies}, {@code request_failed}.
	 */
	@Override
	public Map<String, Object> runInfo() {
		Map<String, Object> m = new LinkedHashMap<>(model.runInfo());
		m.put("prompt", "paper: \"" + PaperPrompt.INSTRUCTION.replace("\"", "\\\"")
			+ "\\nQuestion:<question>\\nA) <option 0>\\nB) <option 1>…\" (no trailing newline)");
		m.put("scoring", "correct = gold lettered option in reply, or reply starts with gold letter (case-sensitive); "
			+ "pred_idx = strict parser");
		Map<String, Object> counts = new LinkedHashMap<>();
		counts.put("replies", replies.get());
		counts.put("unparseable_replies", unparseable.get());
		counts.put("empty_replies", emptyReplies.get());
		counts.put("cached_replies", cachedReplies.get());
		counts.put(REQUEST_FAILED, failedRequests.get());
		m.put("answers", counts);
		return m;
	}

	public long unparseableReplies() {
		return unparseable.get();
	}

	public long failedRequests() {
		return failedRequests.get();
	}
}

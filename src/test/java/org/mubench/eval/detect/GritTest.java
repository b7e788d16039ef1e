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
package org.mubench.eval.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class GritTest {
	private static final double EPS = 1e-12;

	private static List<Box> boxes(double[]... xyxy) {
		List<Box> list = new ArrayList<>();
		for (double[] b : xyxy)
			list.add(Box.of(b));
		return list;
	}

	@Test
	void iouOfIdenticalBoxesCarriesTheEpsilon() {
		// [0,0,10,10]: area 100, inter 100 -> 100 / (100 + 100 - 100 + 1e-6) = 100 / 100.000001
		assertEquals(100 / 100.000001, Box.iou(new Box(0, 0, 10, 10), new Box(0, 0, 10, 10)), EPS);
	}

	@Test
	void iouOfPartialOverlap() {
		// [0,0,10,10] vs [5,0,15,10]: inter 5*10 = 50, union 100 + 100 - 50 = 150 -> 50 / 150.000001
		assertEquals(50 / 150.000001, Box.iou(new Box(0, 0, 10, 10), new Box(5, 0, 15, 10)), EPS);
	}

	@Test
	void identicalSingleBoxes() {
		// one pair, IoU 100/100.000001, kept 1: score = IoU / (1 + 1 - 1)
		assertEquals(100 / 100.000001, Grit.score(boxes(new double[] { 0, 0, 10, 10 }), boxes(new double[] { 0, 0, 10, 10 })), EPS);
	}

	@Test
	void identicalPairsOfBoxes() {
		// areas 100 and 200 (10x20), each matched to its twin: (100/100.000001 + 200/200.000001) / (2 + 2 - 2)
		List<Box> b = boxes(new double[] { 0, 0, 10, 10 }, new double[] { 50, 50, 60, 70 });
		List<Box> reversed = new ArrayList<>(b);
		Collections.reverse(reversed);
		double expected = (100 / 100.000001 + 200 / 200.000001) / 2;
		assertEquals(expected, Grit.score(b, reversed), EPS);
	}

	@Test
	void disjointBoxesScoreZero() {
		// IoU 0 -> the only pair is not kept: 0 / (1 + 1 - 0) = 0
		assertEquals(0.0, Grit.score(boxes(new double[] { 0, 0, 10, 10 }), boxes(new double[] { 20, 20, 30, 30 })), 0);
	}

	@Test
	void onePredictionManyTruths() {
		// pred [0,0,10,10]; gt [0,0,10,10] (IoU 100/100.000001), [0,0,5,10] (50/(100+50-50+1e-6)), far box (0).
		// Hungarian keeps the identical one: score = (100/100.000001) / (1 + 3 - 1)
		Grit.Result r = Grit.evaluate(boxes(new double[] { 0, 0, 10, 10 }),
			boxes(new double[] { 0, 0, 5, 10 }, new double[] { 0, 0, 10, 10 }, new double[] { 20, 20, 30, 30 }));
		assertEquals(100 / 100.000001 / 3, r.score, EPS);
		assertEquals(1, r.predToGt[0]);
		assertEquals(1, r.kept);
	}

	@Test
	void manyPredictionsOneTruth() {
		// gt [0,0,10,10]; preds [0,0,5,10] (IoU 50/100.000001), [0,0,10,10] (100/100.000001), [2,0,12,10]
		// (inter 80, union 120 -> 80/120.000001). Best single match: the identical one. score = (100/100.000001)/(3+1-1)
		Grit.Result r = Grit.evaluate(boxes(new double[] { 0, 0, 5, 10 }, new double[] { 0, 0, 10, 10 }, new double[] { 2, 0, 12, 10 }),
			boxes(new double[] { 0, 0, 10, 10 }));
		assertEquals(100 / 100.000001 / 3, r.score, EPS);
		assertEquals(-1, r.predToGt[0]);
		assertEquals(0, r.predToGt[1]);
		assertEquals(-1, r.predToGt[2]);
		assertEquals(0.0, r.predIou[0], 0);
	}

	@Test
	void emptyLists() {
		List<Box> none = Collections.emptyList();
		assertEquals(1.0, Grit.score(none, none), 0);
		assertEquals(0.0, Grit.score(none, boxes(new double[] { 0, 0, 1, 1 })), 0);
		assertEquals(0.0, Grit.score(boxes(new double[] { 0, 0, 1, 1 }), none), 0);
		assertEquals(1.0, Grit.score(null, null), 0);
	}

	@Test
	void degenerateBoxesHaveNoArea() {
		assertEquals(0.0, new Box(5, 5, 5, 10).area(), 0);
		assertEquals(0.0, new Box(10, 10, 0, 0).area(), 0);
		// zero-width pred inside a gt box: inter 0 -> IoU 0 -> not kept: 0 / (1 + 1) = 0
		assertEquals(0.0, Grit.score(boxes(new double[] { 5, 5, 5, 10 }), boxes(new double[] { 0, 0, 10, 10 })), 0);
		// two identical point boxes: 0 / (0 + 0 - 0 + 1e-6) = 0, never NaN
		assertEquals(0.0, Box.iou(new Box(3, 3, 3, 3), new Box(3, 3, 3, 3)), 0);
		assertEquals(0.0, Grit.score(boxes(new double[] { 3, 3, 3, 3 }), boxes(new double[] { 3, 3, 3, 3 })), 0);
		// a reversed box [10,10,0,0] against [0,0,10,10] must not count as overlapping
		assertEquals(0.0, Box.iou(new Box(10, 10, 0, 0), new Box(0, 0, 10, 10)), 0);
		// a degenerate pred next to a good one: good pair kept, degenerate pred unmatched:
		// (100/100.000001) / (2 + 1 - 1)
		assertEquals(100 / 100.000001 / 2,
			Grit.score(boxes(new double[] { 4, 4, 4, 4 }, new double[] { 0, 0, 10, 10 }), boxes(new double[] { 0, 0, 10, 10 })), EPS);
	}

	@Test
	void hungarianBeatsGreedy() {
		// gt G1 = [0,0,10,10], G2 = [10,0,20,10] (side by side); P1 = [3,0,13,10], P2 = [-4,0,6,10].
		// IoU(P1,G1) = 70/(100+100-70+1e-6) = 70/130.000001 = 0.5385 (the largest entry)
		// IoU(P1,G2) = 30/(100+100-30+1e-6) = 30/170.000001 = 0.1765
		// IoU(P2,G1) = 60/(100+100-60+1e-6) = 60/140.000001 = 0.4286, IoU(P2,G2) = 0
		// Greedy takes P1-G1 first, leaving P2-G2 (IoU 0, dropped): 0.5385 / (2+2-1) = 0.1795.
		// Optimal: P1-G2 + P2-G1 = 0.6050, both kept: 0.6050 / (2+2-2) = 0.3025.
		List<Box> pred = boxes(new double[] { 3, 0, 13, 10 }, new double[] { -4, 0, 6, 10 });
		List<Box> gt = boxes(new double[] { 0, 0, 10, 10 }, new double[] { 10, 0, 20, 10 });
		double optimal = (30 / 170.000001 + 60 / 140.000001) / 2;
		double greedy = (70 / 130.000001) / 3;
		Grit.Result r = Grit.evaluate(pred, gt);
		assertEquals(optimal, r.score, EPS);
		assertEquals(1, r.predToGt[0]);
		assertEquals(0, r.predToGt[1]);
		assertTrue(optimal > greedy);
		assertEquals(greedy, greedyScore(pred, gt), EPS);
	}

	/** Highest-IoU-first matching, to show the test case really separates the two. */
	private static double greedyScore(List<Box> pred, List<Box> gt) {
		boolean[] pu = new boolean[pred.size()], gu = new boolean[gt.size()];
		double sum = 0;
		int kept = 0;
		while (true) {
			int bi = -1, bj = -1;
			double best = 0;
			for (int i = 0; i < pred.size(); i++)
				for (int j = 0; j < gt.size(); j++)
					if (!pu[i] && !gu[j] && Box.iou(pred.get(i), gt.get(j)) > best) {
						best = Box.iou(pred.get(i), gt.get(j));
						bi = i;
						bj = j;
					}
			if (bi < 0) break;
			pu[bi] = gu[bj] = true;
			sum += best;
			kept++;
		}
		return sum / (pred.size() + gt.size() - kept);
	}

	@Test
	void matchesScipyOnRandomCases() {
		// Expected scores from tools/grit_reference.py (scipy.optimize.linear_sum_assignment on 1 - IoU,
		// numpy default_rng(20240701)), pasted verbatim.
		// case 0
		check(new double[][] { { 14, 29, 30, 63 }, { 14, 12, 35, 31 }, { 9, 28, 17, 37 }, { 24, 13, 31, 30 }, { 0, 25, 24, 48 }, { 25, 29, 63, 66 } },
			new double[][] { { 25, 29, 38, 53 }, { 18, 13, 30, 35 }, { 29, 27, 38, 33 }, { 14, 3, 42, 26 } },
			0.16402546828689304);
		// case 1
		check(new double[][] { { 24, 8, 54, 18 }, { 14, 18, 28, 47 }, { 8, 2, 28, 37 }, { 4, 17, 17, 39 }, { 12, 25, 19, 39 }, { 22, 19, 40, 32 } },
			new double[][] { { 2, 20, 32, 41 }, { 25, 4, 46, 13 }, { 17, 2, 54, 24 }, { 13, 9, 26, 27 } },
			0.15700892806658698);
		// case 2
		check(new double[][] { { 7, 10, 15, 34 }, { 27, 6, 50, 36 }, { 0, 25, 21, 37 }, { 11, 29, 38, 43 }, { 0, 25, 25, 59 } },
			new double[][] { { 0, 25, 14, 31 }, { 18, 17, 50, 23 }, { 13, 7, 21, 15 }, { 12, 10, 49, 18 }, { 28, 12, 34, 35 }, { 25, 22, 39, 39 } },
			0.12267962858317137);
		// case 3
		check(new double[][] { { 7, 24, 38, 34 }, { 16, 29, 50, 43 } },
			new double[][] { { 12, 6, 40, 31 } },
			0.10990338150977852);
		// case 4
		check(new double[][] { { 23, 7, 57, 46 } },
			new double[][] { { 26, 17, 56, 44 } },
			0.61085972804610877);
		// case 5
		check(new double[][] { { 4, 26, 37, 40 }, { 21, 5, 56, 43 }, { 9, 28, 36, 42 } },
			new double[][] { { 8, 9, 43, 25 }, { 26, 25, 47, 30 }, { 9, 13, 32, 44 }, { 8, 0, 24, 14 }, { 25, 13, 30, 43 } },
			0.15534911377295954);
		// case 6
		check(new double[][] { { 17, 26, 51, 54 }, { 7, 15, 35, 52 }, { 8, 17, 29, 25 }, { 25, 18, 56, 26 }, { 26, 11, 48, 35 }, { 28, 27, 52, 49 }, { 15, 19, 48, 42 }, { 16, 11, 43, 32 } },
			new double[][] { { 15, 3, 29, 36 }, { 1, 18, 24, 52 }, { 11, 19, 16, 50 }, { 15, 22, 50, 57 }, { 26, 20, 51, 31 }, { 18, 25, 49, 58 }, { 7, 20, 22, 31 }, { 29, 13, 57, 26 }, { 13, 11, 32, 18 } },
			0.3352817528891025);
		// case 7
		check(new double[][] { { 8, 0, 43, 17 }, { 5, 22, 34, 48 }, { 5, 4, 38, 34 }, { 29, 0, 66, 37 }, { 28, 12, 40, 19 }, { 2, 28, 28, 49 }, { 24, 4, 32, 13 }, { 0, 26, 32, 61 }, { 11, 10, 36, 47 } },
			new double[][] { { 18, 26, 36, 53 }, { 11, 10, 44, 17 }, { 20, 4, 45, 12 }, { 5, 0, 25, 12 } },
			0.14029768592967545);
	}

	private static void check(double[][] pred, double[][] gt, double expected) {
		assertEquals(expected, Grit.score(boxes(pred), boxes(gt)), 1e-12, Arrays.deepToString(pred));
	}
}

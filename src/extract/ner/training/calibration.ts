/**
 * Turns the tagger's margins into confidences that mean something: a
 * logistic fit of "was this predicted entity right?" on the margin, over
 * held-out data. A confidence of 0.8 then means that about four in five such
 * entities were right there.
 *
 * @example
 * fitCalibration([{ margin: 9, correct: true }, { margin: 0.5, correct: false }, …])
 * // → { slope: 0.4, intercept: -0.7 }
 */
import type { ConfidenceCalibration } from "../model-file.js";

export interface MarginSample {
  margin: number;
  correct: boolean;
}

/** Fits `P(correct) = 1 / (1 + exp(-(slope * margin + intercept)))` by Newton's method on the log-likelihood. */
export function fitCalibration(samples: readonly MarginSample[]): ConfidenceCalibration {
  const usable = samples.filter((sample) => Number.isFinite(sample.margin));
  let slope = 0;
  let intercept = 0;
  for (let iteration = 0; iteration < 50; iteration++) {
    let gradientSlope = 0;
    let gradientIntercept = 0;
    let hessianSS = 1e-6;
    let hessianSI = 0;
    let hessianII = 1e-6;
    for (const { margin, correct } of usable) {
      const p = 1 / (1 + Math.exp(-(slope * margin + intercept)));
      const error = (correct ? 1 : 0) - p;
      const weight = p * (1 - p);
      gradientSlope += error * margin;
      gradientIntercept += error;
      hessianSS += weight * margin * margin;
      hessianSI += weight * margin;
      hessianII += weight;
    }
    const determinant = hessianSS * hessianII - hessianSI * hessianSI;
    if (Math.abs(determinant) < 1e-12) break;
    const stepSlope = (hessianII * gradientSlope - hessianSI * gradientIntercept) / determinant;
    const stepIntercept = (hessianSS * gradientIntercept - hessianSI * gradientSlope) / determinant;
    slope += stepSlope;
    intercept += stepIntercept;
    if (Math.abs(stepSlope) + Math.abs(stepIntercept) < 1e-9) break;
  }
  return { slope, intercept };
}

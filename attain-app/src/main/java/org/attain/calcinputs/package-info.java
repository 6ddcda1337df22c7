/**
 * What a calculation run takes from the capabilities that own its inputs: the contributor each owner
 * implements to add its part of a run's snapshot ({@link org.attain.calcinputs.CalcInputContributor}) and
 * the event every "pay inputs changed" announcement implements ({@link org.attain.calcinputs.PayInputsChanged}).
 *
 * <p>Its own module so that owners (org, plan, quota, fx, payout) depend on it and calc depends on it and
 * on them, without a cycle between calc and the owners it reads. Owns no tables; depends on the engine only.
 */
package org.attain.calcinputs;

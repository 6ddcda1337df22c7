/**
 * MBO objective scores: a manager scores the objectives of their reports' plans ({@code kind: mbo}) per period, on a
 * page, over the API or by a CSV import; a rep reads their own. Which objectives a person has comes from their plans
 * ({@code plan.PlanObjectives}); who may score whom from {@code org.Visibility} (a manager their subtree, admins and comp
 * admins everyone, nobody their own).
 *
 * <p>Owns tables: objective_score. Adds the scores to runs ({@code ObjectiveScoresForCalculation}, as the engine's
 * KPI scores); publishes {@link org.attain.objectives.ObjectiveScoresChanged}.
 */
package org.attain.objectives;

/**
 * Capacity planning: ramp profiles, planned hires and attrition, expected attainment and revenue targets; what
 * the sales team can carry per month and quarter against the target (the arithmetic in {@link
 * org.attain.planning.capacity.CapacityModel}, pure).
 *
 * <p>Owns tables: capacity_ramp_profile, capacity_hire, capacity_attrition, capacity_target, capacity_setting (its
 * target_plan_id: the quota plan whose approved top is the currency's target, read through {@code QuotaPlans.top}).
 * Reads reps through org's view {@code org_person_v}, their quotas through {@code quota_person_v}, periods and
 * closed periods through calendar's {@code Periods}.
 */
package org.attain.planning.capacity;

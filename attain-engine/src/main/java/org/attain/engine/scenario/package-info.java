/** Scenario files (plans, facts and expected results) and the runner that checks them against the engine. */
package org.attain.engine.scenario;

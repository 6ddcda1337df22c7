/** Runs the engine over a snapshot of the inputs and stores immutable, versioned results. */
package org.attain.calc;

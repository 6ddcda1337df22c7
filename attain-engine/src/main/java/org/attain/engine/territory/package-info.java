/**
 * Territories as calculation input: which territory claims a deal on its credit date (highest precedence
 * wins), who owns it and who overlays it then, and the company's crediting policy that decides whether a
 * territory's owner or the deal's owner gets primary credit.
 */
package org.attain.engine.territory;

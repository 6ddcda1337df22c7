/** Money as exact decimals with a currency, currency minor units and effective-dated FX rates. */
package org.attain.engine.money;

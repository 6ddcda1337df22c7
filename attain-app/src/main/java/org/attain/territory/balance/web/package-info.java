/** The territory balancing REST API: start a balancing job, follow its progress, stop it. */
package org.attain.territory.balance.web;

/** Activity capture: calls, e-mails, meetings and webinars per person, with daily summaries per rep and team. */
package org.attain.activity;

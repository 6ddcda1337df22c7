/** Integrations: signed webhooks in and out, and the Salesforce and HubSpot connectors. */
package org.attain.integration;

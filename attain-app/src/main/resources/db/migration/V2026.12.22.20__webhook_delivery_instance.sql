-- Which Attain instance applies an inbound webhook delivery, as calc_run.instance_key does for runs: a claim
-- left "processing" by an instance that was killed (its advisory lock (7362, key) gone) is taken over by the
-- sender's retry instead of being answered as done. The default is set apart from adding the column, so rows
-- from before keep no key (and are taken over: their instance is an older version, stopped).
alter table integration_webhook_delivery add column instance_key integer;
alter table integration_webhook_delivery alter column instance_key set default nullif(current_setting('attain.instance', true), '')::integer;

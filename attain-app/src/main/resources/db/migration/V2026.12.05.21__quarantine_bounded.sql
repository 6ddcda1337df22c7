-- Quarantine rows from before cells were bounded may hold a whole huge cell (one held 100 MB, in its cells
-- and again in its problem's value and reason), which no page can read back. They are kept as rows with such
-- cells are kept now: without their cells (to be fixed in the file) and with their problems cut to a preview.
update ingest_quarantine q
set raw = null,
    problems = (select coalesce(jsonb_agg(jsonb_build_object('column', left(p ->> 'column', 200),
                                                             'value', left(p ->> 'value', 200),
                                                             'reason', left(p ->> 'reason', 1000),
                                                             'suggestion', left(p ->> 'suggestion', 200))), '[]'::jsonb)
                from jsonb_array_elements(q.problems) p)
where length(q.raw::text) > 1048576 or length(q.problems::text) > 1048576;

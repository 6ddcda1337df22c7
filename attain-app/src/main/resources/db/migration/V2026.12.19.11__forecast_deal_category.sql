-- forecast: a deal's forecast category set by its owner's manager (or anyone above), over the one its stage gives.
-- Deals closed by their stage (won: closed, lost: omitted) keep the stage's category. No row: the stage's category.
create table forecast_deal_category (
    opportunity_id  bigint primary key,
    category        text not null check (category in ('pipeline', 'best_case', 'commit', 'omitted')),
    set_by          text not null,
    set_at          timestamptz not null
);

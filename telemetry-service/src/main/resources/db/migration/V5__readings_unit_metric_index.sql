-- The queries read one metric of a unit at a time: the newest value (latest readings of a site, one
-- index probe per unit and metric), a time range (aggregates, battery history, raw readings with a
-- metric filter). (unit_id, metric, recorded_at DESC, id DESC) serves them all, in the order the
-- newest-first pages use; readings_unit_recorded_idx still serves queries over every metric.
CREATE INDEX readings_unit_metric_recorded_idx ON readings (unit_id, metric, recorded_at DESC, id DESC);

// Dates are ISO strings (partial dates sort correctly as strings), for timelines and ranges.
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE INDEX mission_start IF NOT EXISTS FOR (n:Mission) ON (n.startDate);

-- Outbound calls show a display number (外显号码) to the customer; the record keeps which one.
ALTER TABLE call_record ADD COLUMN display_number VARCHAR(20);

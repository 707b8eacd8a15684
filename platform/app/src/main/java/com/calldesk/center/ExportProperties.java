package com.calldesk.center;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dir where finished files wait for their download; empty means {@code <calldesk.data-dir>/exports}.
 *        One folder per tenant under it
 * @param running how many exports one node writes at once; the rest wait in a short queue
 * @param waiting how many may wait; beyond that a new export is refused (429) rather than piling up
 * @param keep how long a finished file stays for its user to download
 * @param sheetRows rows of calls per sheet before the next sheet starts (Excel holds 1,048,576 rows
 *        a sheet with the header)
 */
@ConfigurationProperties("calldesk.center.exports")
public record ExportProperties(String dir, @DefaultValue("2") int running, @DefaultValue("4") int waiting,
		@DefaultValue("1h") Duration keep, @DefaultValue("1048575") int sheetRows) {
}

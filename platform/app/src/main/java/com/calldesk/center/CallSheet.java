package com.calldesk.center;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;

/**
 * One tab's calls as an Excel workbook, written as a stream: only the last {@link #WINDOW} rows are in
 * memory, the rest already in a compressed temporary file, so a year of records costs a few MB of heap.
 * Times are China's, as the page shows them; a sheet that is full continues on the next.
 */
final class CallSheet implements AutoCloseable {

	/** Rows kept in memory; POI flushes older ones to its temporary file. */
	static final int WINDOW = 200;

	private record Column(String key, int width, Function<CallLists.Line, Object> value) {
	}

	private final MessageSource messages;

	private final Locale locale;

	private final String sheetName;

	private final int sheetRows;

	private final List<Column> columns;

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);

	private final CellStyle header;

	private final CellStyle time;

	private final CellStyle yuan;

	private SXSSFSheet sheet;

	private int sheets;

	private int rowInSheet;

	CallSheet(MessageSource messages, Locale locale, String tab, int sheetRows) {
		this.messages = messages;
		this.locale = locale;
		this.sheetName = text("export.tab." + tab);
		this.sheetRows = Math.max(1, Math.min(sheetRows, 1_048_575));
		this.columns = columns();
		workbook.setCompressTempFiles(true);
		header = workbook.createCellStyle();
		Font bold = workbook.createFont();
		bold.setBold(true);
		header.setFont(bold);
		time = workbook.createCellStyle();
		time.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
		yuan = workbook.createCellStyle();
		yuan.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
	}

	private List<Column> columns() {
		return List.of(new Column("type", 12, line -> text("export.tab." + line.tab())),
				new Column("customer-number", 16, CallLists.Line::customerNumber),
				new Column("region", 14, line -> Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? line.regionZh() : line.regionEn()),
				new Column("customer", 18, CallLists.Line::customerName), new Column("contact", 12, CallLists.Line::contactName),
				new Column("dialled", 16, CallLists.Line::dialledNumber), new Column("trunk", 16, CallLists.Line::trunkNumber),
				new Column("display", 16, CallLists.Line::displayNumber), new Column("seat", 18, CallLists.Line::seat),
				new Column("offered", 20, CallLists.Line::offeredAt), new Column("answered", 20, CallLists.Line::answeredAt),
				new Column("ended", 20, CallLists.Line::endedAt), new Column("wait", 10, CallLists.Line::waitSeconds),
				new Column("talk", 10, CallLists.Line::talkSeconds),
				new Column("ended-by", 8, line -> line.endedBy() == null ? null : text("export.ended-by." + line.endedBy())),
				new Column("reason", 14, line -> line.endReason() == null ? null : text("export.reason." + line.endReason())),
				new Column("recorded", 6, line -> text(line.recorded() ? "export.yes" : "export.no")),
				new Column("cost", 10, line -> BigDecimal.valueOf(line.costFen(), 2)),
				new Column("callback", 10, line -> line.callback() == null ? null : text("export.callback." + line.callback().status())),
				new Column("id", 38, CallLists.Line::id));
	}

	String sheetName() {
		return sheetName;
	}

	void add(List<CallLists.Line> lines) {
		for (CallLists.Line line : lines) {
			if (sheet == null || rowInSheet >= sheetRows) {
				nextSheet();
			}
			Row row = sheet.createRow(++rowInSheet);
			for (int c = 0; c < columns.size(); c++) {
				write(row, c, columns.get(c).value().apply(line));
			}
		}
	}

	/** Writes the workbook; a tab with no calls still gets its sheet, with the headings. */
	void writeTo(OutputStream out) throws IOException {
		if (sheet == null) {
			nextSheet();
		}
		workbook.write(out);
	}

	private void nextSheet() {
		sheets++;
		sheet = workbook.createSheet(sheets == 1 ? sheetName : sheetName + " " + sheets);
		sheet.createFreezePane(0, 1);
		Row row = sheet.createRow(0);
		for (int c = 0; c < columns.size(); c++) {
			row.createCell(c).setCellValue(text("export.col." + columns.get(c).key()));
			row.getCell(c).setCellStyle(header);
			sheet.setColumnWidth(c, columns.get(c).width() * 256);
		}
		rowInSheet = 0;
	}

	private void write(Row row, int column, Object value) {
		if (value == null) {
			return;
		}
		var cell = row.createCell(column);
		if (value instanceof Instant at) {
			cell.setCellValue(LocalDateTime.ofInstant(at, CallListQuery.CHINA));
			cell.setCellStyle(time);
		}
		else if (value instanceof BigDecimal amount) {
			cell.setCellValue(amount.doubleValue());
			cell.setCellStyle(yuan);
		}
		else if (value instanceof Number number) {
			cell.setCellValue(number.doubleValue());
		}
		else {
			cell.setCellValue(value.toString());
		}
	}

	private String text(String code) {
		return messages.getMessage(code, null, code, locale);
	}

	/** Frees the temporary files POI wrote for the rows already flushed. */
	@Override
	public void close() throws IOException {
		try {
			workbook.dispose();
		}
		finally {
			workbook.close();
		}
	}
}

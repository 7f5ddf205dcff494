package dev.idsettle.sheets;

/**
 * Where each slip goes in the PDF: a page holds the slips of one sheet only, at most a layout's
 * worth; a slip starts a new page when its sheet changes or the page is full. The checking pass and
 * the writing pass use the same rule, so the page count printed on the first page is right.
 */
final class Pager {
  private final int perPage;
  private final int sheetSize;
  private long sheet = -1;
  private int onPage;
  private int pages;

  Pager(int perPage, int sheetSize) {
    this.perPage = perPage;
    this.sheetSize = sheetSize;
  }

  /** Places the slip of sequence {@code sequence}; true if it starts a new page. */
  boolean place(int sequence) {
    long s = sheetOf(sequence);
    if (s != sheet || onPage == perPage) {
      sheet = s;
      onPage = 1;
      pages++;
      return true;
    }
    onPage++;
    return false;
  }

  /** The cell (0-based, row by row) of the slip placed last. */
  int cell() {
    return onPage - 1;
  }

  /** The sheet (1-based) of the slip placed last. */
  long sheet() {
    return sheet + 1;
  }

  /** The pages started so far. */
  int pages() {
    return pages;
  }

  long sheetOf(int sequence) {
    return (sequence - 1L) / sheetSize;
  }
}

package dev.idsettle.sales;

class MemorySaleRecordsTest extends SaleRecordsContract {
  final SaleRecords records = MemorySaleRecords.create();

  @Override
  SaleRecords records() {
    return records;
  }
}

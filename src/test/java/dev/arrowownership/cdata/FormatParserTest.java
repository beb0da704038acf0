package dev.arrowownership.cdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.cdata.DataType.TimeUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every format string of the spec's table parses to its type; anything else is refused. */
class FormatParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "n|NULL|0", "b|BOOL|1", "c|INT8|8", "C|UINT8|8", "s|INT16|16", "S|UINT16|16", "i|INT32|32",
      "I|UINT32|32", "l|INT64|64", "L|UINT64|64", "e|FLOAT16|16", "f|FLOAT32|32", "g|FLOAT64|64",
      "z|BINARY|0", "Z|LARGE_BINARY|0", "u|UTF8|0", "U|LARGE_UTF8|0", "vz|BINARY_VIEW|0",
      "vu|UTF8_VIEW|0", "tdD|DATE32|32", "tdm|DATE64|64", "tiM|INTERVAL_MONTHS|32",
      "tiD|INTERVAL_DAY_TIME|64", "tin|INTERVAL_MONTH_DAY_NANO|128", "+l|LIST|0", "+L|LARGE_LIST|0",
      "+vl|LIST_VIEW|0", "+vL|LARGE_LIST_VIEW|0", "+s|STRUCT|0", "+m|MAP|0", "+r|RUN_END_ENCODED|0",
      "tts|TIME32|32", "ttm|TIME32|32", "ttu|TIME64|64", "ttn|TIME64|64", "tDs|DURATION|64",
      "tDm|DURATION|64", "tDu|DURATION|64", "tDn|DURATION|64", "tss:|TIMESTAMP|64",
      "tsn:Europe/Paris|TIMESTAMP|64", "w:3|FIXED_SIZE_BINARY|24", "+w:0|FIXED_SIZE_LIST|0",
      "d:9,2,32|DECIMAL32|32", "d:18,2,64|DECIMAL64|64", "d:38,2|DECIMAL128|128",
      "d:38,2,128|DECIMAL128|128", "d:76,-3,256|DECIMAL256|256", "+ud:|DENSE_UNION|0",
      "+us:0,127|SPARSE_UNION|0"})
  void eachFormatOfTheSpecsTableParses(String format, TypeKind kind, int bitWidth) {
    DataType type = FormatParser.parse(format);
    assertThat(type.kind()).isEqualTo(kind);
    assertThat(type.bitWidth()).isEqualTo(bitWidth);
  }

  @Test
  void parametersAreRead() {
    DataType decimal = FormatParser.parse("d:76,-3,256");
    assertThat(decimal.precision()).isEqualTo(76);
    assertThat(decimal.scale()).isEqualTo(-3);
    assertThat(FormatParser.parse("tsu:Asia/Tokyo").zone()).contains("Asia/Tokyo");
    assertThat(FormatParser.parse("tsu:").zone()).isEmpty();
    assertThat(FormatParser.parse("tDs").zone()).isEmpty();
    assertThat(FormatParser.parse("tsu:").unit()).isEqualTo(TimeUnit.MICROSECOND);
    assertThat(FormatParser.parse("tss:").unit()).isEqualTo(TimeUnit.SECOND);
    assertThat(FormatParser.parse("ttm").unit()).isEqualTo(TimeUnit.MILLISECOND);
    assertThat(FormatParser.parse("tDn").unit()).isEqualTo(TimeUnit.NANOSECOND);
    assertThat(FormatParser.parse("w:7").fixedSize()).isEqualTo(7);
    assertThat(FormatParser.parse("+w:4").fixedSize()).isEqualTo(4);
    assertThat(FormatParser.parse("+ud:5,0,9").typeIds()).isEqualTo(List.of(5, 0, 9));
    assertThat(FormatParser.parse("+us:").typeIds()).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', value = {
      "''|unknown format ''",
      "x|unknown format 'x'",
      "ix|unknown format 'ix'",
      "+x|unknown format '+x'",
      "tss|unknown format 'tss'",
      "tdx|unknown format 'tdx'",
      "d:|unknown format 'd:'",
      "d:1|unknown format 'd:1'",
      "d:0,2|malformed format 'd:0,2': a decimal needs a precision > 0",
      "d:5,2,16|malformed format 'd:5,2,16': decimal bit width 16 is not 32, 64, 128 or 256",
      "d:99999999999,2|malformed format 'd:99999999999,2': 99999999999 does not fit in an int32",
      "d:5,99999999999|malformed format 'd:5,99999999999': 99999999999 does not fit in an int32",
      "w:0|malformed format 'w:0': a fixed-size binary needs a width > 0",
      "w:|unknown format 'w:'",
      "+w:-1|unknown format '+w:-1'",
      "+ud:1,1|malformed format '+ud:1,1': type id 1 appears twice",
      "+us:128|malformed format '+us:128': type id '128' is not an integer in 0..127",
      "+us:1,|malformed format '+us:1,': type id '' is not an integer in 0..127",
      "+us:-1|malformed format '+us:-1': type id '-1' is not an integer in 0..127",
      "+us:0001|malformed format '+us:0001': type id '0001' is not an integer in 0..127",
      "+u:1|unknown format '+u:1'"})
  void malformedFormatsAreRefusedWithTheReason(String format, String message) {
    assertThatThrownBy(() -> FormatParser.parse(format))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}

package parley.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import parley.api.ApiError;
import parley.api.Usage;

class InputTableTest {
    @Test
    void csvWithQuotesCommasAndLineBreaks() {
        List<InputRow> rows = InputTable.parse("\uFEFFcity,note\r\nLyon,\"a, b\"\r\n\"Oslo\",\"say \"\"hi\"\"\nthere\"\r\n\r\n");
        assertThat(rows).containsExactly(new InputRow(Map.of("city", "Lyon", "note", "a, b")),
                new InputRow(Map.of("city", "Oslo", "note", "say \"hi\"\nthere")));
        assertThat(rows.getFirst().values().keySet()).containsExactly("city", "note");
    }

    @Test
    void pastedSpreadsheetCellsAreTabSeparatedAndShortRowsAreFilled() {
        assertThat(InputTable.parse("a\tb\n1, 2\n3")).containsExactly(
                new InputRow(Map.of("a", "1, 2", "b", "")), new InputRow(Map.of("a", "3", "b", "")));
    }

    @Test
    void badTablesSayWhatToFix() {
        assertThatThrownBy(() -> InputTable.parse("")).hasMessageContaining("the table is empty");
        assertThatThrownBy(() -> InputTable.parse("a,b\n1,2,3")).hasMessage(
                "row 1 has 3 fields but the header names 2: quote fields that hold a comma");
        assertThatThrownBy(() -> InputTable.parse("a,,c\n1,2,3")).hasMessageContaining("column 2 of the header has no name");
        assertThatThrownBy(() -> InputTable.parse("a,a\n1,2")).hasMessageContaining("the column a is named twice");
        assertThatThrownBy(() -> InputTable.parse("a\n\"open")).hasMessageContaining("a quoted field is not closed");
        assertThatThrownBy(() -> InputTable.parse("a,b\n")).hasMessageContaining("a header but no rows");
    }

    @Test
    void theCsvOfCellsHasItsCoordinatesFiguresAndQuoting() {
        Experiment experiment = new Experiment("e", "t", Prompt.of(null, "{{q}}"), ExperimentRunnerTest.BASE,
                List.of(new Target("custom", "http://h/v1", "m")), List.of(ParamAxes.parse("temperature=0.5,omit")),
                List.of(new InputRow(Map.of("q", "x,y"))), 1, 1, List.of(), null);
        List<Cell> cells = Cells.of(experiment);
        CellResult answered = new CellResult(0, CellStatus.COMPLETED, "say \"hi\"\nbye", "", "stop",
                new Usage(10, 3, 13, 1, 2), false, new BigDecimal("0.0012"), 40L, 90, 60.0, null, List.of(), null, Instant.EPOCH);
        CellResult failed = new CellResult(1, CellStatus.FAILED, "", "", null, Usage.NONE, false, null, null, 5, null,
                new ApiError(ApiError.Kind.SERVER, 503, null, "busy"), List.of(), null, Instant.EPOCH);
        StringWriter out = new StringWriter();
        ExperimentCsv.write(experiment, cells, List.of(answered, failed), out);
        assertThat(out.toString()).isEqualTo(String.join("\r\n",
                "model,provider,temperature,q,repeat,finish_reason,prompt_tokens,completion_tokens,reasoning_tokens,"
                        + "cached_tokens,ttft_ms,duration_ms,cost_usd,error,content",
                "m,custom,0.5,\"x,y\",1,stop,10,3,1,2,40,90,0.0012,,\"say \"\"hi\"\"\nbye\"",
                "m,custom,omit,\"x,y\",1,,,,,,,5,,busy,", ""));
        StringWriter notRun = new StringWriter();
        ExperimentCsv.write(experiment, cells.subList(0, 1), List.of(), notRun);
        assertThat(notRun.toString().lines().toList().get(1)).isEqualTo("m,custom,0.5,\"x,y\",1,,,,,,,,,,");
    }
}

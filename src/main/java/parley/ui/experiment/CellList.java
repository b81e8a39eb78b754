package parley.ui.experiment;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** Every cell of a run with its status and the start of its reply or its error: the plain view of the results. */
final class CellList extends ListView<RunModel.CellRow> {
    CellList(RunModel run) {
        super(run.rows());
        setId("experiment-cells");
        setCellFactory(v -> new ListCell<>() {
            private final Label title = new Label();
            private final Label body = new Label();
            private final VBox box = new VBox(2, title, body);

            {
                title.getStyleClass().add(Styles.TEXT_BOLD);
                title.setWrapText(true);
                setPrefWidth(0); // the list's width, never the text's: long titles wrap
                body.getStyleClass().add(Styles.TEXT_SMALL);
                body.setWrapText(true);
                body.setMaxHeight(60);
            }

            @Override
            protected void updateItem(RunModel.CellRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                title.setText((row.cell().index() + 1) + ". " + CellTask.title(row.cell()) + " — " + row.status().name().toLowerCase(java.util.Locale.ROOT));
                String text = row.error().isEmpty() ? row.text() : row.error();
                body.setText(text.length() > 300 ? text.substring(0, 300) + "…" : text);
                body.getStyleClass().remove(Styles.DANGER);
                if (!row.error().isEmpty()) body.getStyleClass().add(Styles.DANGER);
                setGraphic(box);
            }
        });
    }
}

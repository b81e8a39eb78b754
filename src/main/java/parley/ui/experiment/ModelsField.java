package parley.ui.experiment;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;

/**
 * The experiment's models: a ControlsFX {@link CheckComboBox} of the models offered, each with its
 * provider, price and readiness as the model picker shows them. Checking sends the checked models,
 * in list order, to the form; the form's choice (filled from the chat) is shown checked.
 */
final class ModelsField extends CheckComboBox<ModelChoice> {
    private boolean pushing;

    ModelsField(ExperimentFormModel form) {
        super(form.offered());
        setId("experiment-models");
        setMaxWidth(Double.MAX_VALUE);
        setShowCheckedCount(true);
        setTitle("Models");
        setConverter(new StringConverter<>() {
            @Override
            public String toString(ModelChoice c) {
                if (c == null) return "";
                String details = c.details();
                return details.isEmpty() ? c.label() : c.label() + "  —  " + details;
            }

            @Override
            public ModelChoice fromString(String s) { return null; }
        });
        getCheckModel().getCheckedItems().addListener((ListChangeListener<ModelChoice>) c -> {
            if (!pushing) form.choose(List.copyOf(getCheckModel().getCheckedItems()));
        });
        form.chosen().addListener((ListChangeListener<ModelChoice>) c -> show(form.chosen()));
        form.offered().addListener((ListChangeListener<ModelChoice>) c -> show(form.chosen()));
        show(form.chosen());
    }

    private void show(List<ModelChoice> chosen) {
        pushing = true;
        try {
            getCheckModel().clearChecks();
            chosen.forEach(getCheckModel()::check);
        } finally {
            pushing = false;
        }
    }
}

package parley.team;

import java.util.StringJoiner;
import parley.store.Migration;

/**
 * The workspace's schema as one SQL script, for a team whose Parley role may not create tables: an
 * administrator runs it once (as the schema's owner) and Parley finds the schema at its version.
 */
public final class TeamSchemaScript {
    private TeamSchemaScript() {}

    public static String render() {
        StringJoiner script = new StringJoiner(";\n\n", "", ";\n");
        script.add("-- The schema of a Parley team workspace, version " + TeamSchema.latest() + ".\n"
                + "-- Run it once in the workspace's database as the owner of its schema, e.g.\n"
                + "--   psql \"postgresql://admin@db.example.com/parley\" -f team-workspace.sql\n"
                + "-- Members who connect later find the schema at its version; Parley migrates it itself when its role may.\n"
                + "BEGIN");
        script.add("CREATE TABLE parley_schema (version INTEGER NOT NULL)");
        for (Migration step : TeamSchema.MIGRATIONS) {
            step.statements().forEach(script::add);
        }
        script.add("INSERT INTO parley_schema (version) VALUES (" + TeamSchema.latest() + ")");
        script.add("COMMIT");
        return script.toString();
    }
}

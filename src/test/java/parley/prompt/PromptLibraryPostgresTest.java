package parley.prompt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import parley.store.SqlStore;
import parley.team.ScratchPostgres;
import parley.team.Workspace;
import parley.team.WorkspaceConfig;

/** A team's library, in a workspace on a real PostgreSQL. */
class PromptLibraryPostgresTest extends PromptLibraryContract {
    private Workspace workspace;

    @BeforeEach
    void open() {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        workspace = Workspace.open(new WorkspaceConfig(db.url(), db.user(), "ada", null), db.password());
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Override
    SqlStore store() {
        return workspace;
    }
}

package ru.wbassist.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import ru.wbassist.api.Syncs;

class DataSetTest {

    @Test
    void theContractListsTheDataSetsTheSyncRunsInItsOrder() {
        assertThat(Arrays.stream(DataSet.values()).map(DataSet::dbName)).containsExactlyElementsOf(Syncs.DATA_SETS);
    }
}

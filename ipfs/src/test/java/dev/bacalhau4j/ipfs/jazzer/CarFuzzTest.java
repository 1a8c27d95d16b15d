package dev.bacalhau4j.ipfs.jazzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.block.Block;
import dev.bacalhau4j.ipfs.car.CarReader;
import dev.bacalhau4j.ipfs.car.CarWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer target for the CAR v1 reader ({@code src/test/resources/dev/bacalhau4j/ipfs/jazzer/CarFuzzTestInputs/}).
 * A CAR either reads to its end, every block matching its CID, or is refused with
 * {@code IpfsFormatException} (a block that does not hash to its CID included). What it read,
 * written again with {@link CarWriter}, reads back as the same roots and blocks.
 */
class CarFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void read(byte[] input) throws Exception {
        Expect.parsesOrIsRefused(() -> {
            Car car = Car.read(input);
            for (Block block : car.blocks()) {
                assertThat(block.cid().matches(block.data())).as("block %s matches its CID", block.cid()).isTrue();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CarWriter writer = new CarWriter(out, car.roots());
            for (Block block : car.blocks()) {
                writer.write(block.cid(), block.data());
            }
            writer.flush();
            Car again = Car.read(out.toByteArray());
            assertThat(again.roots()).isEqualTo(car.roots());
            assertThat(again.blocks()).usingElementComparator(CarFuzzTest::compare).containsExactlyElementsOf(car.blocks());
        });
    }

    /** Blocks are equal when CID and bytes are (a record compares arrays by identity). */
    private static int compare(Block a, Block b) {
        return a.cid().equals(b.cid()) && Arrays.equals(a.data(), b.data()) ? 0 : 1;
    }

    /** A whole CAR in memory. */
    private record Car(List<Cid> roots, List<Block> blocks) {
        static Car read(byte[] bytes) throws IOException {
            CarReader reader = new CarReader(new ByteArrayInputStream(bytes));
            List<Block> blocks = new ArrayList<>();
            for (Block b = reader.next(); b != null; b = reader.next()) {
                blocks.add(b);
            }
            assertThat(reader.sectionsRead()).isEqualTo(blocks.size());
            return new Car(reader.roots(), blocks);
        }
    }
}

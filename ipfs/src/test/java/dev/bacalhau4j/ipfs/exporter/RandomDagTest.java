package dev.bacalhau4j.ipfs.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.block.MemoryBlockstore;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RandomDagTest {

    @Test
    void shouldCatAnyRangeOfRandomDagsWhenShapesVary() throws Exception {
        long seed = Long.getLong("randomDagSeed", System.nanoTime());
        Random random = new Random(seed);
        for (int round = 0; round < 60; round++) {
            MemoryBlockstore memory = new MemoryBlockstore();
            CountingBlockstore store = new CountingBlockstore(memory);
            Dags dags = new Dags(store);
            if (random.nextBoolean()) {
                dags.v1();
            }
            if (random.nextBoolean()) {
                dags.rawLeaves();
            }
            boolean tinyChunks = random.nextBoolean();
            int size = random.nextInt(4) == 0 ? random.nextInt(10) : random.nextInt(tinyChunks ? 3_000 : 120_000);
            int chunk = 1 + random.nextInt(tinyChunks ? 50 : 5_000);
            int fanout = 2 + random.nextInt(20);
            byte[] content = new byte[size];
            random.nextBytes(content);
            Cid root = dags.file(content, chunk, fanout);
            String shape = "seed " + seed + " round " + round + ": size " + size + " chunk " + chunk + " fanout " + fanout;
            Exporter exporter = new Exporter(store);
            assertThat(exporter.cat(root, 0, Long.MAX_VALUE).readAllBytes()).as(shape).isEqualTo(content);
            int depth = depth(size, chunk, fanout);
            for (int i = 0; i < 20; i++) {
                long offset = random.nextInt(size + 10);
                long length = random.nextInt(3) == 0 ? Long.MAX_VALUE : random.nextInt(Math.max(1, size / 3) + 1);
                int from = (int) Math.min(offset, size);
                int to = (int) Math.min(size, from + Math.min(length, size));
                store.reset();
                byte[] got = exporter.cat(root, offset, length).readAllBytes();
                assertThat(got).as(shape + " offset " + offset + " length " + length)
                        .isEqualTo(Arrays.copyOfRange(content, from, to));
                // never more than the covering leaves plus one path of inner nodes per leaf
                long leaves = to > from ? (to - 1) / chunk - from / chunk + 1 : 0;
                assertThat(store.gets()).as(shape + " gets").isLessThanOrEqualTo((int) (1 + leaves * depth));
            }
        }
    }

    private static int depth(int size, int chunk, int fanout) {
        long nodes = Math.max(1, (size + chunk - 1) / chunk);
        int depth = 1;
        while (nodes > 1) {
            nodes = (nodes + fanout - 1) / fanout;
            depth++;
        }
        return depth;
    }
}

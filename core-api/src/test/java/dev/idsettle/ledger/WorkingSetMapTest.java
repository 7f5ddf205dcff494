package dev.idsettle.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmallMapTest {

  @Test
  void replacingKeepsThePositionAndRemovingKeepsTheOrder() {
    WorkingSetMap<String, Integer> map = new WorkingSetMap<>(2);
    assertThat(map.put("a", 1)).isNull();
    assertThat(map.put("b", 2)).isNull();
    assertThat(map.put("a", 3)).isEqualTo(1);
    assertThat(map.values()).containsExactly(3, 2);
    map.remove("a");
    map.remove("absent");
    assertThat(map.values()).containsExactly(2);
    assertThat(map.containsKey("a")).isFalse();
    assertThat(map.get("b")).isEqualTo(2);
  }

  /** Puts, gets and removes as a LinkedHashMap does, below and past the linear-scan size. */
  @Test
  void behavesAsALinkedHashMap() {
    qt().withExamples(200)
        .forAll(lists().of(integers().between(0, 30)).ofSizeBetween(0, 60), longs().all())
        .checkAssert(SmallMapTest::behavesAsALinkedHashMap);
  }

  private static void behavesAsALinkedHashMap(List<Integer> keys, long seed) {
    Random random = new Random(seed);
    WorkingSetMap<Integer, Integer> map = new WorkingSetMap<>(1);
    Map<Integer, Integer> model = new LinkedHashMap<>();
    for (int step = 0; step < keys.size(); step++) {
      int key = keys.get(step);
      if (random.nextInt(4) == 0) {
        map.remove(key);
        model.remove(key);
      } else {
        assertThat(map.put(key, step)).isEqualTo(model.put(key, step));
      }
      assertThat(map.size()).isEqualTo(model.size());
      assertThat(map.values()).isEqualTo(new ArrayList<>(model.values()));
      for (int k = 0; k <= 30; k++) {
        assertThat(map.get(k)).isEqualTo(model.get(k));
        assertThat(map.containsKey(k)).isEqualTo(model.containsKey(k));
      }
    }
  }
}

package dlcourse.grader.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PomEditorTest {

    private static final String POM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <description>Exercises, reference solutions and a grader.</description>
              <modules>
                <module>src</module>
                <module>solutions</module>
              </modules>
              <dependencies>
                <dependency>
                  <!-- the solutions' tests need this -->
                  <artifactId>core</artifactId>
                </dependency>
                <dependency>
                  <artifactId>junit</artifactId>
                  <scope>test</scope>
                </dependency>
              </dependencies>
              <!-- the bench and mutation profiles add flags -->
              <profiles>
                <profile>
                  <id>bench</id>
                  <modules>
                    <module>bench</module>
                  </modules>
                </profile>
                <profile>
                  <id>jdk21</id>
                  <properties><x>1</x></properties>
                </profile>
              </profiles>
            </project>
            """;

    @Test
    void drops_what_the_edition_does_not_ship_and_keeps_the_rest_as_written() throws IOException {
        String edited = PomEditor.parse(POM).keepModules(Set.of("src")).dropTestDependencies()
                .forgetSolutions("Exercises and a grader (student edition).").write();
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <description>Exercises and a grader (student edition).</description>
                  <modules>
                    <module>src</module>
                  </modules>
                  <dependencies>
                    <dependency>
                      <artifactId>core</artifactId>
                    </dependency>
                  </dependencies>
                  <profiles>
                    <profile>
                      <id>jdk21</id>
                      <properties><x>1</x></properties>
                    </profile>
                  </profiles>
                </project>
                """, edited);
    }
}

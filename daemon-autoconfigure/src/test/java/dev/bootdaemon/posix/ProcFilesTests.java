package dev.bootdaemon.posix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ProcFiles} against this machine's {@code /proc}.
 */
class ProcFilesTests {

	@Test
	void whenAKernelSettingIsReadThenItIsTheWholeNumberThatCatShows() throws Exception {
		for (String name : new String[] { "net.unix.max_dgram_qlen", "net.core.wmem_default" }) {
			String shown = cat("/proc/sys/" + name.replace('.', '/'));
			assertThat(ProcFiles.kernelSetting(name)).hasValue(Integer.parseInt(shown));
		}
	}

	@Test
	void whenAKernelSettingDoesNotExistThenItIsEmpty() {
		assertThat(ProcFiles.kernelSetting("net.unix.no_such_setting")).isEmpty();
	}

	private static String cat(String path) throws IOException, InterruptedException {
		Process cat = new ProcessBuilder("cat", path).start();
		String text = new String(cat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
		assertThat(cat.waitFor()).isZero();
		return text;
	}

}

package org.fundguard.penalties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The penalty configuration exactly as application.yml ships it, so unit tests check the real defaults. */
final class ConfiguredDefaults {

	private ConfiguredDefaults() {
	}

	static PenaltiesProperties penalties() {
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application.yml",
					new ClassPathResource("application.yml"));
			MutablePropertySources all = new MutablePropertySources();
			sources.forEach(all::addLast);
			Binder binder = new Binder(ConfigurationPropertySources.from(all), new PropertySourcesPlaceholdersResolver(all));
			return binder.bind("fundguard.penalties", PenaltiesProperties.class).get();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

package com.calldesk.calls;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.NamedType;

/**
 * The JSON form of CTI events and call commands: every record of the sealed hierarchies registered under
 * its simple name, found by walking the permitted subclasses, so a new event needs no change here.
 */
public final class CtiJson {

	private CtiJson() {
	}

	/** {@code builder} with every event and command type registered. */
	public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
		List<NamedType> types = new ArrayList<>();
		for (Class<?> root : List.of(CtiEvent.class, CallCommand.class)) {
			leaves(root).forEach(type -> types.add(new NamedType(type, type.getSimpleName())));
		}
		return builder.registerSubtypes(types.toArray(NamedType[]::new));
	}

	public static JsonMapper mapper() {
		return configure(JsonMapper.builder()).findAndAddModules().build();
	}

	/** The concrete classes under a sealed type. */
	static List<Class<?>> leaves(Class<?> root) {
		List<Class<?>> leaves = new ArrayList<>();
		Deque<Class<?>> open = new ArrayDeque<>(List.of(root));
		while (!open.isEmpty()) {
			Class<?> type = open.pop();
			if (type.isSealed()) {
				open.addAll(List.of(type.getPermittedSubclasses()));
			}
			else {
				leaves.add(type);
			}
		}
		return leaves;
	}
}

package com.calldesk.connector;

import java.util.List;

/** The tenant's organisation on the platform, to bind seats to its people. */
public interface Directory {

	List<Department> departments();

	/**
	 * One page of the people the app may see, every department flattened and each person once; start
	 * with a null cursor, go on with {@link DirectoryPage#nextCursor()} until it is null.
	 */
	DirectoryPage users(String cursor);
}

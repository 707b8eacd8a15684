/** The tenant web's own pages: sign-in and the home page with the user's seat. */
package com.calldesk.web;

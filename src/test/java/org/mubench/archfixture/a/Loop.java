package org.mubench.archfixture.a;

/** Test fixture: half of a package cycle, and a window below the front ends (ArchitectureTest must flag both). */
public class Loop {
	public org.mubench.archfixture.b.Back back;
	public javax.swing.JFrame frame;
}

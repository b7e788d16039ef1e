package org.mubench.archfixture.b;

/** Test fixture: the other half of the cycle, and Java2D outside the image and chart packages. */
public class Back {
	public org.mubench.archfixture.a.Loop loop;
	public java.awt.Graphics2D graphics;
}

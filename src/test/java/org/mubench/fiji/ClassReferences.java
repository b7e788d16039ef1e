package org.mubench.fiji;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The methods, constructors and fields a class file refers to in other classes (its constant pool). */
final class ClassReferences {
	/** One reference: owner in internal form (a/b/C), member name, JVM descriptor. */
	static final class Ref {
		final String owner, name, descriptor;
		final boolean field;

		Ref(String owner, String name, String descriptor, boolean field) {
			this.owner = owner;
			this.name = name;
			this.descriptor = descriptor;
			this.field = field;
		}

		@Override
		public String toString() {
			return owner.replace('/', '.') + (field ? "#" : ".") + name + (field ? ":" : "") + descriptor;
		}
	}

	private ClassReferences() {}

	static List<Ref> of(InputStream classFile) throws IOException {
		DataInputStream in = new DataInputStream(classFile);
		if (in.readInt() != 0xCAFEBABE) throw new IOException("not a class file");
		in.readUnsignedShort();
		in.readUnsignedShort();
		int count = in.readUnsignedShort();
		String[] utf = new String[count];
		int[] a = new int[count], b = new int[count], tag = new int[count];
		for (int i = 1; i < count; i++) {
			tag[i] = in.readUnsignedByte();
			switch (tag[i]) {
				case 1: utf[i] = in.readUTF(); break;
				case 3: case 4: in.readInt(); break;
				case 5: case 6: in.readLong(); i++; break;
				case 7: case 8: case 16: case 19: case 20: a[i] = in.readUnsignedShort(); break;
				case 9: case 10: case 11: case 12: case 17: case 18:
					a[i] = in.readUnsignedShort();
					b[i] = in.readUnsignedShort();
					break;
				case 15: in.readUnsignedByte(); a[i] = in.readUnsignedShort(); break;
				default: throw new IOException("unknown constant pool tag " + tag[i]);
			}
		}
		List<Ref> refs = new ArrayList<>();
		for (int i = 1; i < count; i++) {
			if (tag[i] != 9 && tag[i] != 10 && tag[i] != 11) continue;
			String owner = utf[a[a[i]]];
			int nameAndType = b[i];
			refs.add(new Ref(owner, utf[a[nameAndType]], utf[b[nameAndType]], tag[i] == 9));
		}
		return refs;
	}
}

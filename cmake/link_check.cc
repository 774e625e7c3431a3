// The program of every link check (src/neardup/CMakeLists.txt): it calls nothing, but is linked
// with every object of one folder's library, so each of their undefined symbols must come from
// the folders that library may depend on.
int main() { return 0; }
